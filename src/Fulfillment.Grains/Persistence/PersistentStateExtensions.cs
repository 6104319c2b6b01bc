using Grains;

namespace Fulfillment.Grains.Persistence;

internal static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; when the write fails, calls <paramref name="deactivate"/> (a grain's <c>DeactivateOnIdle</c>)
    /// before rethrowing, since memory now holds a change storage may not: the next call starts from storage.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<TState>(this IPersistentState<TState> state, Action deactivate)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            deactivate();
            throw;
        }
    }
}
