namespace Grains.Runtime;

/// <summary>Returns the outcome of a serialized in-silo call to its caller through the wire format, as a remote silo would.</summary>
internal sealed class LoopbackResponseSink(GrainRequest caller, MessageSerializer serializer) : IResponseSink
{
    public void OnCompleted<TResult>(GrainRequest<TResult> request, TResult result, Exception? error)
    {
        var response = serializer.WriteResponse(request.Id, result, error);
        caller.CompleteFromResponse(serializer, response);
    }
}
