namespace Fulfillment.Api.Streams;

/// <summary>Dead letters, oldest first, and how many there are in all.</summary>
public sealed record DeadLetterListResponse(int Total, IReadOnlyList<DeadLetterResponse> Items);
