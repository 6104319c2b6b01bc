using Fulfillment.Grains.Changes;

namespace Fulfillment.ReadModels.Projection;

/// <summary>
/// A change waiting for the projector, with the completion its publisher waits on when the order was not marked yet
/// (null when nobody waits), and when it was handed off (a <see cref="TimeProvider"/> timestamp, for the lag metric).
/// </summary>
internal sealed record ProjectionItem(OrderChange Change, TaskCompletionSource? Committed, long HandedOffAt);
