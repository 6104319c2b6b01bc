namespace Grains.PostgreSql;

internal static class ReminderLockOrder
{
    /// <summary>The lock order of a reminder row: after grain state, by primary key.</summary>
    public static string Of(GrainId grainId, string name) => $"reminders\0{grainId.Type.Name}\0{grainId.Key}\0{name}";
}
