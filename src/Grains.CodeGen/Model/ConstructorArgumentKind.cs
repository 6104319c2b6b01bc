namespace Grains.CodeGen.Model;

/// <summary>Where an activator gets one grain constructor argument from.</summary>
internal enum ConstructorArgumentKind
{
    /// <summary>A service that must be registered.</summary>
    RequiredService,

    /// <summary>A service that may be missing: the parameter is nullable or has a default value.</summary>
    OptionalService,

    /// <summary>A <c>[PersistentState]</c> parameter, bound by the activation context.</summary>
    PersistentState,
}
