using System.Text;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

/// <summary>A second subscriber of "orders": every subscribed grain type gets every event of the namespace.</summary>
[ImplicitStreamSubscription("orders")]
public sealed class AuditGrain(Signals signals) : Grain, IStreamSubscriber
{
    public Task OnNextAsync(StreamEvent item)
    {
        signals.Record($"audited:{GetPrimaryKeyString()}", Encoding.UTF8.GetString(item.Body.Span));
        return Task.CompletedTask;
    }
}
