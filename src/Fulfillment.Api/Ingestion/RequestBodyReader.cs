using System.Buffers;
using Microsoft.AspNetCore.Http.Features;

namespace Fulfillment.Api.Ingestion;

/// <summary>
/// Reads a whole request body into one pooled array, refusing more than a limit. The limit is also handed to the
/// server (Kestrel's per-request <see cref="IHttpMaxRequestBodySizeFeature"/>), so an oversize body stops being read at
/// the limit, whether it announced a Content-Length or came chunked.
/// </summary>
internal static class RequestBodyReader
{
    private const int UnknownLengthInitialSize = 64 * 1024;

    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<PooledBody?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (request.ContentLength > limit)
        {
            return null;
        }

        // One byte beyond the limit tells "exactly at the limit" from "over it" when the length is unknown.
        var size = request.ContentLength is { } announced ? (int)announced + 1 : Math.Min(UnknownLengthInitialSize, limit + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        var count = 0;
        try
        {
            while (true)
            {
                if (count == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                    buffer.AsSpan(0, count).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new PooledBody(buffer, count);
                }

                count += read;
                if (count > limit)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return null;
                }
            }
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
