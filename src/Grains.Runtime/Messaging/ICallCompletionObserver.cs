namespace Grains.Runtime;

internal interface ICallCompletionObserver
{
    void OnCallCompleted(GrainRequest request);
}
