namespace Grains.Streams;

/// <summary>
/// An event a subscriber grain kept failing on after every retry: kept with its error so it can be inspected and
/// replayed, never silently skipped.
/// </summary>
public sealed record DeadLetter(
    string Id,
    string ConsumerGroup,
    string GrainType,
    StreamEvent Event,
    string ErrorType,
    string ErrorMessage,
    int Attempts,
    DateTimeOffset FailedAt);
