using System.Net;
using Fulfillment.Api.Tests.Support;

namespace Fulfillment.Api.Tests;

/// <summary>The CloudEvents webhook abuse-protection handshake Event Grid performs before delivering.</summary>
public sealed class WebHookHandshakeTests
{
    [Fact]
    public async Task Options_WithRequestOrigin_ConsentsWithoutKey()
    {
        await using var host = await ApiHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["eventgrid.azure.net"], response.Headers.GetValues("WebHook-Allowed-Origin"));
        Assert.Equal(["*"], response.Headers.GetValues("WebHook-Allowed-Rate"));
        Assert.Equal(["POST", "OPTIONS"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Options_WithRequestRate_GrantsTheConfiguredRate()
    {
        await using var host = await ApiHost.StartAsync(s => s.Configuration["Ingestion:WebHookAllowedRate"] = "600");
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        request.Headers.Add("WebHook-Request-Origin", "eventgrid.azure.net");
        request.Headers.Add("WebHook-Request-Rate", "1200");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(["600"], response.Headers.GetValues("WebHook-Allowed-Rate"));
    }

    [Fact]
    public async Task Options_FromOriginNotAllowed_GivesNoConsent()
    {
        await using var host = await ApiHost.StartAsync(s => s.Configuration["Ingestion:WebHookAllowedOrigins:0"] = "eventgrid.azure.net");
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/v1/events");
        request.Headers.Add("WebHook-Request-Origin", "spam.example.com");

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Origin"));
        Assert.False(response.Headers.Contains("WebHook-Allowed-Rate"));
    }

    [Fact]
    public async Task Options_WithoutRequestOrigin_GivesNoConsent()
    {
        await using var host = await ApiHost.StartAsync();

        var response = await host.SendAsync(HttpMethod.Options, "/api/v1/events");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("WebHook-Allowed-Origin"));
    }
}
