namespace Grains.CodeGen.Model;

/// <summary>One grain method, as its request class and proxy implementation need it.</summary>
/// <param name="DeclaringInterface">The interface that declares the method; its wire name goes on the descriptor.</param>
/// <param name="Name">The C# method name, escaped when it is a keyword.</param>
/// <param name="WireName">The alias, or else the method name.</param>
/// <param name="ReturnKind">The awaitable the method returns.</param>
/// <param name="ReturnType">The fully qualified declared return type.</param>
/// <param name="ResultType">The awaited result type for <c>Task&lt;T&gt;</c> and <c>ValueTask&lt;T&gt;</c>; otherwise null.</param>
/// <param name="Flags">The <c>GrainMethodFlags</c> value: 1 read-only, 2 always-interleave.</param>
/// <param name="ResponseTimeout">The <c>[ResponseTimeout]</c> text, validated; null when absent.</param>
/// <param name="Parameters">The parameters, in order.</param>
internal sealed record GrainMethodModel(
    InterfaceIdentity DeclaringInterface,
    string Name,
    string WireName,
    ReturnKind ReturnKind,
    string ReturnType,
    string? ResultType,
    int Flags,
    string? ResponseTimeout,
    EquatableArray<ParameterModel> Parameters);
