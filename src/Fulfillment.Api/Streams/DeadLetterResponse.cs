namespace Fulfillment.Api.Streams;

/// <summary>An event a subscriber grain kept failing on, with the last error.</summary>
public sealed record DeadLetterResponse(
    string Id,
    string GrainType,
    int Partition,
    long SequenceNumber,
    string Namespace,
    string Key,
    string EventId,
    string ErrorType,
    string ErrorMessage,
    int Attempts,
    DateTimeOffset FailedAt);
