using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Fulfillment.Api.Availability;
using Fulfillment.Api.Health;
using Fulfillment.Api.Inventory;
using Fulfillment.Api.Reservations;
using Fulfillment.Api.Validation;
using Fulfillment.Bench.Hosting;

namespace Fulfillment.Bench.Storefront;

/// <summary>
/// The hosted service's storefront (ATP, reservations), inventory and liveness routes over a pool of loopback
/// connections: the requests the loads send, and checked calls for seeding stock and reading ATP back.
/// </summary>
internal sealed class StorefrontClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(1);
    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _http;
    private readonly Uri _baseAddress;
    private readonly Uri _reservations;

    public StorefrontClient(Uri baseAddress, int connections)
    {
        _http = LoopbackHttpClient.Create(connections, RequestTimeout);
        _baseAddress = baseAddress;
        _reservations = new Uri(baseAddress, ReservationsApi.RoutePrefix);
        Health = new Uri(baseAddress, HealthEndpoints.LivePath);
    }

    /// <summary><c>GET /health/live</c>: the pipeline with no grain behind it.</summary>
    public Uri Health { get; }

    public Uri Atp(string sku) => new(_baseAddress, $"/api/v1/atp/{Uri.EscapeDataString(sku)}");

    /// <summary><c>POST /api/v1/reservations</c> holding <paramref name="quantity"/> of one SKU (default TTL).</summary>
    public HttpRequestMessage Reserve(string reservationId, string sku, int quantity) =>
        new(HttpMethod.Post, _reservations)
        {
            Content = Json(new PlaceReservationRequest(reservationId, [new CartLineRequest(sku, quantity)], null, null), StorefrontJsonContext.Default.PlaceReservationRequest),
        };

    /// <summary>Sends a request and waits for the whole answer; the body is read as text only when it is not a 2xx.</summary>
    public async Task<RequestOutcome> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? new RequestOutcome(response.StatusCode, null)
                : new RequestOutcome(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception error) when (error is HttpRequestException || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new RequestOutcome(null, error.Message);
        }
    }

    /// <summary><c>PUT /api/v1/inventory/{warehouseId}/{sku}</c> with no safety stock; anything but 200 fails the run.</summary>
    public async Task SetStockAsync(string warehouseId, string sku, int onHand, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseAddress, $"/api/v1/inventory/{Uri.EscapeDataString(warehouseId)}/{Uri.EscapeDataString(sku)}");
        using var request = new HttpRequestMessage(HttpMethod.Put, uri)
        {
            Content = Json(new SetInventoryRequest(onHand, 0, null), StorefrontJsonContext.Default.SetInventoryRequest),
        };
        var outcome = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Setting the stock of {sku} in {warehouseId} answered {outcome}.");
        }
    }

    /// <summary><c>GET /api/v1/atp/{sku}</c>; anything but 200 fails the run.</summary>
    public async Task<AtpResponse> GetAtpAsync(string sku, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(Atp(sku), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"ATP of {sku} answered HTTP {(int)response.StatusCode}: {body}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, StorefrontJsonContext.Default.AtpResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"ATP of {sku} answered null.");
    }

    public void Dispose() => _http.Dispose();

    // A byte array, not JsonContent: the body goes with a Content-Length rather than chunked, as storefronts send it.
    private static ByteArrayContent Json<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = JsonContentType;
        return content;
    }
}
