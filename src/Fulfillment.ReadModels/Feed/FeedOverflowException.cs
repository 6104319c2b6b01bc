namespace Fulfillment.ReadModels.Feed;

/// <summary>An alert feed listener did not keep up: the changes it missed are in the store, after its last feed sequence.</summary>
public sealed class FeedOverflowException(int capacity)
    : Exception($"The alert feed listener fell {capacity} changes behind; resume from the store after the last feed sequence seen.");
