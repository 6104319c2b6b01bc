using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Fulfillment.Api.Tests.Durability;

/// <summary>
/// The built service run the way it is deployed: <c>dotnet Fulfillment.Api.dll</c> in a child process (the project
/// reference copies the dll, its runtimeconfig and deps files into this test's output), Development with no API
/// keys, SQLite storage in a given directory (or a PostgreSQL schema), Kestrel on a port the OS picks. Started means Kestrel announced its
/// address and the host its start on standard output, and <c>/health/ready</c> answered 200.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    public const string DatabaseFileName = "fulfillment.db";

    private const string ListeningPrefix = "Now listening on: ";
    private const string StartedLine = "Application started.";
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan ReadyPollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HttpClient? _client;

    private ServiceProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public HttpClient Client => _client ?? throw new InvalidOperationException("The service has not started.");

    /// <summary>Standard output and error so far (the last lines), for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, _output);

    /// <summary>The service on SQLite files in <paramref name="dataDirectory"/>.</summary>
    public static Task<ServiceProcess> StartAsync(string dataDirectory) => StartAsync(new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Sqlite",
        ["Storage__Sqlite__DataSource"] = Path.Combine(dataDirectory, DatabaseFileName),
    });

    /// <summary>The service on a PostgreSQL schema: grain state, streams and read models.</summary>
    public static Task<ServiceProcess> StartOnPostgreSqlAsync(string connectionString, string schema) => StartAsync(new Dictionary<string, string>
    {
        ["Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__Fulfillment"] = connectionString,
        ["Storage__PostgreSql__Schema"] = schema,
    });

    private static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> storage)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Fulfillment.Api.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project's reference to Fulfillment.Api should copy it.");
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), "Fulfillment.Api.runtimeconfig.json is missing beside the dll.");

        var start = new ProcessStartInfo(DotnetHost())
        {
            // The content root is the working directory: the service's own appsettings files sit beside the dll.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in storage)
        {
            start.Environment[name] = value;
        }

        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Simulator__Enabled"] = "false";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => service.OnOutput(e.Data);
        process.Exited += (_, _) => service.OnExited();
        try
        {
            Assert.True(process.Start(), "The service process did not start.");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await service.WaitUntilReadyAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    public async Task<HttpResponseMessage> PostEventsAsync(string batch)
    {
        var content = new StringContent(batch, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/cloudevents-batch+json; charset=utf-8");
        return await Client.PostAsync("/api/v1/events", content);
    }

    /// <summary>Events ever appended to the log: partitions number their events 1, 2, 3…, so the sum of their last sequence numbers.</summary>
    public async Task<long> CountAppendedEventsAsync()
    {
        using var response = await Client.GetAsync("/api/v1/streams");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/streams answered {(int)response.StatusCode}: {text}");
        using var status = JsonDocument.Parse(text);
        var partitions = status.RootElement.GetProperty("partitions");
        Assert.True(partitions.GetArrayLength() > 0, $"The service reports no partitions: {text}");
        return partitions.EnumerateArray().Sum(p => p.GetProperty("lastSequenceNumber").GetInt64());
    }

    /// <summary>Kills the process with SIGKILL (what <see cref="Process.Kill()"/> sends on Unix) and returns its exit code.</summary>
    public async Task<int> KillAsync()
    {
        _process.Kill();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(StartTimeout);
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        Uri address;
        try
        {
            address = await _listening.Task.WaitAsync(timeout.Token);
            await _started.Task.WaitAsync(timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The service did not start ({error.Message}). Its output:{Environment.NewLine}{RecentOutput}", error);
        }

        _client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        // The host reports started once every hosted service (the silo, the stream agents) started, so the first
        // answer is normally 200; the bounded loop only covers a check that is still settling.
        while (true)
        {
            using (var response = await Client.GetAsync("/health/ready", timeout.Token))
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }

            Assert.False(_process.HasExited, $"The service exited while starting. Its output:{Environment.NewLine}{RecentOutput}");
            await Task.Delay(ReadyPollInterval, timeout.Token);
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }

        var listening = line.IndexOf(ListeningPrefix, StringComparison.Ordinal);
        if (listening >= 0)
        {
            _listening.TrySetResult(new Uri(line[(listening + ListeningPrefix.Length)..].Trim()));
        }
        else if (line.Contains(StartedLine, StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private void OnExited()
    {
        var exited = new InvalidOperationException($"the process exited with code {_process.ExitCode}");
        _listening.TrySetException(exited);
        _started.TrySetException(exited);
    }

    // `dotnet test` runs tests under the dotnet muxer and names it in DOTNET_HOST_PATH for child processes.
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }
}
