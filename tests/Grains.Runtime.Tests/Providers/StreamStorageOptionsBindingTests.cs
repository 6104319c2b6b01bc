using Grains.Hosting;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Tests.Providers;

public sealed class StreamStorageOptionsBindingTests
{
    [Fact]
    public async Task AddGrains_HostBuilderWithStreamStorageSection_BindsItToStreamStorageOptions()
    {
        var builder = new TestHostApplicationBuilder(
        [
            new("StreamStorage:DeduplicationWindow", "00:30:00"),
            new("StreamStorage:DeduplicationCapacity", "42"),
        ]);

        builder.AddGrains();
        await using var provider = builder.Services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StreamStorageOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(30), options.DeduplicationWindow);
        Assert.Equal(42, options.DeduplicationCapacity);
    }
}
