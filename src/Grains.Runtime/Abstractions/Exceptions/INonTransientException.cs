namespace Grains;

/// <summary>
/// Marks an exception that trying again cannot cure (a rule the input breaks, not a busy or failed dependency). A
/// stream delivery that fails with one is dead-lettered at once instead of being retried with back-off.
/// </summary>
public interface INonTransientException;
