namespace Fulfillment.Grains.Orders;

internal sealed partial class OrderGrain
{
    /// <summary>
    /// Makes the stock calls the state asks for: allocate once payment is confirmed, ship once the goods left, release
    /// once cancelled before that. Runs before the write that records their outcome; repeated after a crash, each call
    /// answers without a second effect. Returns whether anything was done.
    /// </summary>
    private async Task<bool> RunStockCallsAsync(DateTimeOffset now)
    {
        var done = false;
        if (State.NeedsAllocation)
        {
            var result = await Stock.AllocateAsync(Id, State.ReservationId, State.Lines, State.DestinationRegion);
            if (result.Issue is { } issue)
            {
                State.FailAllocation(issue);
                LogAllocationFailed(Id, issue);
            }
            else
            {
                State.Allocate(result.ReservationId!, result.Lines, now);
            }

            done = true;
        }

        if (State.NeedsShipment)
        {
            await Stock.ShipAsync(State.AllocationReservationId!, State.Allocations);
            State.MarkShipped();
            done = true;
        }

        if (State.NeedsRelease)
        {
            await Stock.ReleaseAsync(State.ReleaseTarget!);
            State.MarkReleased();
            done = true;
        }

        return done;
    }
}
