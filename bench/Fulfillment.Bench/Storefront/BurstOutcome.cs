using Fulfillment.Bench.Measurement;

namespace Fulfillment.Bench.Storefront;

/// <summary>
/// The answers to a <see cref="ReservationBurst"/>: 201 held, 409 refused for short stock, anything else failed (the
/// first one kept to report); from the release of the clients to the last answer, and each request's round trip.
/// </summary>
internal sealed record BurstOutcome(int Held, int Refused, int Failed, RequestOutcome? FirstFailure, TimeSpan Elapsed, LatencyDistribution RoundTrips);
