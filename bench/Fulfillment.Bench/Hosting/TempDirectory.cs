namespace Fulfillment.Bench.Hosting;

/// <summary>A fresh directory under the system's temporary path for one run's data, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fulfillment-bench-{Guid.NewGuid():N}");

    /// <summary>The directory's path; it is created by whoever writes into it first (SQLite creates it for its file).</summary>
    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
