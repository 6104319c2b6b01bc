using Fulfillment.Api.Tests.Support;
using Fulfillment.Contracts;
using Grains;
using Grains.Streams;
using Grains.Testing;

namespace Fulfillment.Api.Tests.Grains;

/// <summary>Subscribes to order events and reports each delivery, or fails when the test says so.</summary>
[GrainType(TypeName)]
[ImplicitStreamSubscription(FulfillmentStreams.Orders)]
public sealed class OrderProbeGrain(Signals signals, ProbeBehavior behavior) : Grain, IStreamSubscriber
{
    public const string TypeName = "order-probe";

    public Task OnNextAsync(StreamEvent item)
    {
        var key = GetPrimaryKeyString();
        if (behavior.FailureFor(key) is { } failure)
        {
            signals.Record($"failed:{key}", item.EventId);
            throw new InvalidOperationException(failure);
        }

        signals.Record($"delivered:{key}", item.EventId);
        return Task.CompletedTask;
    }
}
