namespace Grains.Runtime;

/// <summary>Where the outcome of a request that arrived as a message goes: back over the wire, or back to a loopback caller.</summary>
internal interface IResponseSink
{
    void OnCompleted<TResult>(GrainRequest<TResult> request, TResult result, Exception? error);
}
