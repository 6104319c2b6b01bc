using Microsoft.Extensions.Options;

namespace Grains.Sqlite;

/// <summary>Rejects options a SQLite provider cannot work with, naming the option, its value and the rule.</summary>
internal sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    internal const int MaxBatchSizeLimit = 65_536;

    /// <summary>16 GiB.</summary>
    internal const int MaxCacheSizeKiB = 16 * 1024 * 1024;

    internal const int MinCacheSizeKiB = 128;

    internal const int MaxWalAutoCheckpointPages = 10_000_000;

    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = string.IsNullOrEmpty(name) ? "Sqlite" : $"Sqlite[{name}]";
        var failures = new List<string>();
        CheckDataSource(failures, prefix, options.DataSource);
        if (!Enum.IsDefined(options.Synchronous))
        {
            failures.Add($"{prefix}:{nameof(options.Synchronous)} is {options.Synchronous}; it must be {nameof(SqliteSynchronousMode.Normal)} or {nameof(SqliteSynchronousMode.Full)}.");
        }

        if (options.MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            failures.Add($"{prefix}:{nameof(options.MaxBatchSize)} is {options.MaxBatchSize}; it must be between 1 and {MaxBatchSizeLimit}.");
        }

        if (options.BusyTimeout <= TimeSpan.Zero || options.BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            failures.Add($"{prefix}:{nameof(options.BusyTimeout)} is {options.BusyTimeout}; it must be greater than zero and at most {int.MaxValue} ms.");
        }

        if (options.CacheSizeKiB is < MinCacheSizeKiB or > MaxCacheSizeKiB)
        {
            failures.Add($"{prefix}:{nameof(options.CacheSizeKiB)} is {options.CacheSizeKiB}; it must be between {MinCacheSizeKiB} and {MaxCacheSizeKiB}.");
        }

        // Zero would switch automatic checkpoints off, and nothing else checkpoints: the WAL would grow without bound.
        if (options.WalAutoCheckpointPages is < 1 or > MaxWalAutoCheckpointPages)
        {
            failures.Add($"{prefix}:{nameof(options.WalAutoCheckpointPages)} is {options.WalAutoCheckpointPages}; it must be between 1 and {MaxWalAutoCheckpointPages}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckDataSource(List<string> failures, string prefix, string? dataSource)
    {
        if (string.IsNullOrWhiteSpace(dataSource))
        {
            failures.Add($"{prefix}:{nameof(SqliteStorageOptions.DataSource)} is '{dataSource}'; it must be a file path.");
            return;
        }

        // A writer and its readers only share a database through a file.
        if (dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase)
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{prefix}:{nameof(SqliteStorageOptions.DataSource)} is '{dataSource}'; it must be a file path, not an in-memory database or URI.");
            return;
        }

        if (dataSource.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{prefix}:{nameof(SqliteStorageOptions.DataSource)} is '{dataSource}'; it must not contain characters that are invalid in a path.");
        }
    }
}
