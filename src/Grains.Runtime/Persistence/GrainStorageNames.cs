namespace Grains.Storage;

public static class GrainStorageNames
{
    /// <summary>The provider a <see cref="PersistentStateAttribute"/> without a storage name uses.</summary>
    public const string Default = "Default";
}
