using System.Net;

namespace Fulfillment.Bench.Storefront;

/// <summary>What a load sends: the request for each number the schedule hands out, and the status that counts as success.</summary>
internal sealed record RequestTarget(string Name, Func<long, HttpRequestMessage> CreateRequest, HttpStatusCode Success);
