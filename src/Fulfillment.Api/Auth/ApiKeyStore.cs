using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Fulfillment.Api.Auth;

/// <summary>
/// The configured keys, held as SHA-256 digests. A presented key is hashed and compared with every digest in constant
/// time, without stopping at a match, so response timing reveals neither which key matched nor how much of one did.
/// </summary>
internal sealed class ApiKeyStore
{
    private readonly (byte[] Digest, ClaimsPrincipal Principal)[] _keys;

    public ApiKeyStore(IOptions<ApiKeyOptions> options)
    {
        IsOpen = options.Value.IsOpen;
        _keys = [.. options.Value.ApiKeys.Select(e => (Digest(e.Key), Principal(e.Name, e.Roles)))];
        OpenPrincipal = Principal("development (no keys configured)", ApiKeyRoles.All);
    }

    /// <summary>No keys are configured: every caller gets every role (Development only; the validator refuses it elsewhere).</summary>
    public bool IsOpen { get; }

    public ClaimsPrincipal OpenPrincipal { get; }

    public ClaimsPrincipal? Find(string presented)
    {
        var digest = Digest(presented);
        ClaimsPrincipal? match = null;
        foreach (var (candidate, principal) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                match = principal;
            }
        }

        return match;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static ClaimsPrincipal Principal(string name, IEnumerable<string> roles)
    {
        var identity = new ClaimsIdentity(ApiKeyDefaults.Scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, string.IsNullOrWhiteSpace(name) ? "api-key" : name));
        foreach (var role in roles.Distinct(StringComparer.Ordinal))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }
}
