using System.Text;
using Grains.Streams;
using Grains.Testing;

namespace Grains.Runtime.Tests.Grains;

/// <summary>Applies "orders" events to persisted state exactly once, by event id, in the same write.</summary>
[ImplicitStreamSubscription("orders")]
public sealed class ProjectionGrain(
    [PersistentState("projection")] IPersistentState<ProjectionState> state,
    StreamBehavior behavior,
    Signals signals) : Grain, IProjectionGrain, IStreamSubscriber
{
    public async Task OnNextAsync(StreamEvent item)
    {
        var body = Encoding.UTF8.GetString(item.Body.Span);
        await behavior.BeforeApplyAsync(body);
        if (!state.State.Processed.TryMark(item.EventId))
        {
            signals.Record($"duplicate:{GetPrimaryKeyString()}", body);
            return;
        }

        state.State.Applied.Add(body);
        await state.WriteStateAsync();
        signals.Record($"applied:{GetPrimaryKeyString()}", body);
        signals.Record("applied", body);
    }

    public Task<IReadOnlyList<string>> Applied() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Applied]);
}
