namespace Grains.CodeGen.Model;

/// <summary>A grain class that can be activated: the constructor to call and where each argument comes from.</summary>
/// <param name="FullyQualifiedName">The C# name, e.g. <c>global::MyApp.CounterGrain</c>.</param>
/// <param name="MetadataName">The CLR full name; the identity key and the name used in error messages.</param>
/// <param name="Namespace">The containing namespace, empty for the global namespace.</param>
/// <param name="NamePath">Containing type names and the class name joined by underscores.</param>
/// <param name="Arguments">The selected constructor's arguments, in order.</param>
internal sealed record GrainClassModel(
    string FullyQualifiedName,
    string MetadataName,
    string Namespace,
    string NamePath,
    EquatableArray<ConstructorArgumentModel> Arguments);
