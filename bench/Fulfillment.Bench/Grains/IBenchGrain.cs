using Grains;

namespace Fulfillment.Bench.Grains;

/// <summary>The call-path probe: a method that does nothing, so a call measures the runtime alone.</summary>
public interface IBenchGrain : IGrainWithStringKey
{
    // ValueTask: a synchronously completed call must not allocate a Task on the caller's side.
    ValueTask<int> Ping(int x);
}
