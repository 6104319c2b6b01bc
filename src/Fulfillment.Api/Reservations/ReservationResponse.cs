using System.Text.Json.Serialization;

namespace Fulfillment.Api.Reservations;

/// <summary>
/// A reservation: its status (<c>held</c>, <c>confirmed</c>, <c>released</c>, <c>expired</c>), when a hold expires
/// (absent once confirmed), the lines as held per warehouse, and the order it was confirmed for (absent until then).
/// </summary>
public sealed record ReservationResponse(
    string ReservationId,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ExpiresAt,
    IReadOnlyList<ReservationLineResponse> Lines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OrderId);
