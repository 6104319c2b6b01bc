namespace Grains.CodeGen.Model;

/// <summary>The outcome of reading one grain interface: a model when it is valid, and what to report either way.</summary>
internal sealed record InterfaceResult(GrainInterfaceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
