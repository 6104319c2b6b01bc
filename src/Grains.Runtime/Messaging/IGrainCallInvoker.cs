using System.ComponentModel;

namespace Grains.Runtime;

/// <summary>Sends requests made through grain references. Implemented by the runtime; generated proxies hold one.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainCallInvoker
{
    ValueTask<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request);
}
