namespace Fulfillment.Bench.Measurement;

/// <summary>xorshift64*: a few cycles per number and no shared state, so each caller owns one.</summary>
internal struct CallerRandom
{
    private ulong _state;

    public CallerRandom(ulong seed) => _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed * 0x9E3779B97F4A7C15UL;

    public ulong NextUInt64()
    {
        var x = _state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        _state = x;
        return x * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>A number in [0, <paramref name="bound"/>) by multiply-shift, without a division.</summary>
    public int NextIndex(int bound) => (int)(((NextUInt64() >> 32) * (ulong)(uint)bound) >> 32);

    public long NextInt64(long bound) => (long)(NextUInt64() % (ulong)bound);
}
