namespace Fulfillment.Api.Tests.Durability;

internal enum BatchFate
{
    /// <summary>Never posted: the service was killed first.</summary>
    NotSent,

    /// <summary>202 with every event accepted: the service promised the batch is durable.</summary>
    Acknowledged,

    /// <summary>Posted but no answer came (the kill cut the connection, or refused it): stored whole or not at all.</summary>
    InDoubt,

    /// <summary>An answer other than a full 202 before the kill: a test or service bug.</summary>
    Refused,
}
