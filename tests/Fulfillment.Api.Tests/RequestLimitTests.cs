using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>Requests refused before any event is looked at: content type, size, count, JSON syntax, shape.</summary>
public sealed class RequestLimitTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync(s =>
    {
        s.Configuration["Ingestion:MaxBodyBytes"] = "4096";
        s.Configuration["Ingestion:MaxBatchEvents"] = "3";
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_EmptyBatch_Returns400()
    {
        var problem = await Problem.ReadAsync(await _host.PostEventsAsync("[]"), HttpStatusCode.BadRequest);

        Assert.Equal("Empty batch", problem.Title);
        Assert.Equal("The batch is empty; send at least one event.", problem.Detail);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400NamingThePosition()
    {
        var body = "[\n  { \"specversion\": \"1.0\", \"id\": }\n]";

        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(body), HttpStatusCode.BadRequest);

        Assert.Equal("Malformed JSON", problem.Title);
        Assert.StartsWith("The body is not valid JSON at line 2, byte 33:", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(2, problem.Root.GetProperty("line").GetInt32());
        Assert.Equal(33, problem.Root.GetProperty("bytePositionInLine").GetInt32());
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_EmptyBody_Returns400MalformedJson()
    {
        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(string.Empty), HttpStatusCode.BadRequest);

        Assert.Equal("Malformed JSON", problem.Title);
    }

    [Fact]
    public async Task Post_RepeatedAttribute_Returns400MalformedJson()
    {
        var body = CloudEvents.OrderCreated("o-1").ToJsonString().Replace("\"id\":", "\"id\":\"x\",\"id\":", StringComparison.Ordinal);

        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(body, "application/cloudevents+json"), HttpStatusCode.BadRequest);

        Assert.Equal("Malformed JSON", problem.Title);
        Assert.Contains("id", problem.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain", "Content-Type text/plain is not supported")]
    [InlineData("application/xml", "Content-Type application/xml is not supported")]
    [InlineData("application/cloudevents+json; charset=iso-8859-1", "The charset is iso-8859-1")]
    public async Task Post_UnsupportedContentType_Returns415Problem(string contentType, string detail)
    {
        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(CloudEvents.OrderCreated("o-1").ToJsonString(), contentType), HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Unsupported media type", problem.Title);
        Assert.StartsWith(detail, problem.Detail, StringComparison.Ordinal);
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_BinaryModeCloudEvent_Returns415Problem()
    {
        var content = new StringContent("""{ "orderId": "o-1" }""", Encoding.UTF8, "application/json");
        content.Headers.Add("ce-specversion", "1.0");

        var problem = await Problem.ReadAsync(await _host.SendAsync(HttpMethod.Post, "/api/v1/events", content, TestKeys.Ingest), HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("Binary-mode", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_Returns413Problem()
    {
        var body = CloudEvents.Batch(CloudEvents.OrderCreated("o-1")) + new string(' ', 4096);

        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(body), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Request body too large", problem.Title);
        Assert.Equal("The body is larger than 4096 bytes; split the batch.", problem.Detail);
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_StopsAtServerLimitWith413Problem()
    {
        var bytes = Encoding.UTF8.GetBytes(CloudEvents.Batch(CloudEvents.OrderCreated("o-1")) + new string(' ', 8192));
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents-batch+json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add("X-Api-Key", TestKeys.Ingest);

        var problem = await Problem.ReadAsync(await _host.Client.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Request body too large", problem.Title);
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Fact]
    public async Task Post_BodyExactlyAtLimit_IsRead()
    {
        var json = CloudEvents.Batch(CloudEvents.OrderCreated("o-1"));
        var body = json + new string(' ', 4096 - Encoding.UTF8.GetByteCount(json));

        var response = await _host.PostEventsAsync(body);

        Assert.Equal(1, (await JsonBody.ReadAsync(response, HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task Post_MoreEventsThanTheBatchLimit_Returns413Problem()
    {
        var body = CloudEvents.Batch(
            CloudEvents.OrderCreated("o-1"), CloudEvents.OrderCreated("o-2"), CloudEvents.OrderCreated("o-3"), CloudEvents.OrderCreated("o-4"));

        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(body), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("Too many events", problem.Title);
        Assert.Equal("The batch has 4 events; at most 3 are accepted per request.", problem.Detail);
        Assert.Empty(await _host.ReadLogAsync());
    }

    [Theory]
    [InlineData("application/cloudevents+json", "[]", "application/cloudevents+json carries one event as a JSON object")]
    [InlineData("application/cloudevents-batch+json", "{}", "application/cloudevents-batch+json carries a JSON array of events")]
    [InlineData("application/json", "\"event\"", "The body must be a JSON object (one event) or a JSON array of events.")]
    public async Task Post_BodyNotMatchingItsContentType_Returns400(string contentType, string body, string detail)
    {
        var problem = await Problem.ReadAsync(await _host.PostEventsAsync(body, contentType), HttpStatusCode.BadRequest);

        Assert.StartsWith(detail, problem.Detail, StringComparison.Ordinal);
    }
}
