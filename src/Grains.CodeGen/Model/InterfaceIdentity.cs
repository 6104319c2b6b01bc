namespace Grains.CodeGen.Model;

/// <summary>How generated code names an interface that declares grain methods.</summary>
/// <param name="FullyQualifiedName">The C# name, e.g. <c>global::MyApp.ICounterGrain</c>.</param>
/// <param name="MetadataName">The CLR full name, e.g. <c>MyApp.Outer+ICounterGrain</c>; the identity key.</param>
/// <param name="WireName">The alias, or else the metadata name.</param>
/// <param name="Namespace">The containing namespace, empty for the global namespace.</param>
/// <param name="NamePath">Containing type names and the interface name joined by underscores, e.g. <c>Outer_ICounterGrain</c>.</param>
internal sealed record InterfaceIdentity(string FullyQualifiedName, string MetadataName, string WireName, string Namespace, string NamePath);
