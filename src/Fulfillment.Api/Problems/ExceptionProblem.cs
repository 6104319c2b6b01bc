namespace Fulfillment.Api.Problems;

/// <summary>How an exception is answered: status, title, detail, and an optional Retry-After in seconds.</summary>
internal sealed record ExceptionProblem(int Status, string Title, string Detail, int? RetryAfterSeconds = null);
