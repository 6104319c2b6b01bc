namespace Fulfillment.Api.Alerts;

/// <summary>The alerts matching a list's filter, most recently raised first.</summary>
public sealed record AlertListResponse(IReadOnlyList<AlertResponse> Items);
