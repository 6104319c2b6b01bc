namespace Grains.Streams;

/// <summary>The rules every <see cref="IDeadLetterStore"/> applies to a letter it is asked to add.</summary>
public static class DeadLetterChecks
{
    /// <summary>Throws for a letter no store accepts: null, without an id, or without its event.</summary>
    public static void ThrowIfInvalid(DeadLetter letter, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(letter, parameterName);
        ArgumentException.ThrowIfNullOrEmpty(letter.Id, parameterName);
        ArgumentNullException.ThrowIfNull(letter.Event, parameterName);
    }

    /// <summary>The error for adding an id that is already stored; the stored letter is kept.</summary>
    public static InvalidOperationException AlreadyExists(string id) =>
        new($"A dead letter with id '{id}' already exists; ids are unique and a letter is never replaced.");
}
