using System.ComponentModel.DataAnnotations;

namespace Fulfillment.Api.Reservations;

/// <summary>The order a held reservation is confirmed for.</summary>
public sealed record ConfirmReservationRequest([property: Required] string? OrderId);
