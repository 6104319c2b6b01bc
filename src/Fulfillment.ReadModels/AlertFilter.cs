namespace Fulfillment.ReadModels;

/// <summary>Which alerts to list: of a status (null: any), at most <see cref="Limit"/>, most recently raised first.</summary>
public sealed record AlertFilter(string? Status, int Limit);
