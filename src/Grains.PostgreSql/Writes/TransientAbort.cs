using Npgsql;

namespace Grains.PostgreSql;

/// <summary>Which failures leave nothing applied and may simply be run again.</summary>
internal static class TransientAbort
{
    /// <summary>Attempts of one transaction before its failure is reported.</summary>
    public const int MaxAttempts = 5;

    /// <summary>
    /// True for a deadlock or serialization failure: PostgreSQL rolled the whole transaction back, so running it
    /// again cannot apply anything twice. A lost connection is not among them: its COMMIT may have landed.
    /// </summary>
    public static bool IsRetryable(Exception exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
