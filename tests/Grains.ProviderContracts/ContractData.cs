namespace Grains.ProviderContracts;

/// <summary>Deterministic payloads and unique names, so suites never depend on randomness or on each other's data.</summary>
public static class ContractData
{
    private static long s_counter;

    /// <summary>A name no other call in this process returns.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{UniqueNumber()}";

    /// <summary>A positive number no other call in this process returns.</summary>
    public static int UniqueNumber() => checked((int)Interlocked.Increment(ref s_counter));

    /// <summary><paramref name="length"/> bytes that depend on <paramref name="seed"/>, so two payloads of one test differ.</summary>
    public static byte[] Payload(int length, int seed)
    {
        var bytes = new byte[length];
        var value = (uint)seed * 2_654_435_761u + 1;
        for (var i = 0; i < bytes.Length; i++)
        {
            // xorshift: cheap and spreads every byte value over the payload.
            value ^= value << 13;
            value ^= value >> 17;
            value ^= value << 5;
            bytes[i] = (byte)value;
        }

        return bytes;
    }
}
