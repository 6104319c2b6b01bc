using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Grains.CodeGen.Model;
using Microsoft.CodeAnalysis;

namespace Grains.CodeGen.Analysis;

/// <summary>Reads one abstract interface method into a grain method model, reporting what makes it unusable.</summary>
internal static class GrainMethodParser
{
    private const string TasksNamespace = "System.Threading.Tasks";

    /// <param name="method">An abstract instance method of <paramref name="declaringInterface"/>.</param>
    /// <param name="declaringInterface">The interface that declares the method.</param>
    /// <param name="fallbackLocation">
    /// Where to report when the method is inherited: its own location may be in another assembly or another interface.
    /// Null means report at the method itself.
    /// </param>
    /// <param name="diagnostics">Receives what makes the method unusable.</param>
    /// <returns>Null when the method cannot be a grain method.</returns>
    public static GrainMethodModel? Parse(
        IMethodSymbol method,
        InterfaceIdentity declaringInterface,
        Location? fallbackLocation,
        List<DiagnosticInfo> diagnostics)
    {
        var valid = true;
        var display = method.ToDisplayString();

        void Report(DiagnosticDescriptor descriptor, ISymbol at, params string[] args)
        {
            diagnostics.Add(DiagnosticInfo.Create(descriptor, fallbackLocation ?? at.Locations.FirstOrDefault(), args));
            valid = false;
        }

        if (method.IsGenericMethod)
        {
            Report(DiagnosticDescriptors.GenericMethod, method, display);
        }

        var returnKind = ClassifyReturn(method, out var resultType);
        if (returnKind is null)
        {
            var returned = method.ReturnsByRef || method.ReturnsByRefReadonly ? "a reference" : method.ReturnType.ToDisplayString();
            Report(DiagnosticDescriptors.UnsupportedReturnType, method, display, returned);
        }

        var parameters = new List<ParameterModel>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                Report(DiagnosticDescriptors.ByRefParameter, parameter, parameter.Name, display, DescribeRefKind(parameter.RefKind));
            }
            else if (!CanBeStored(parameter.Type))
            {
                Report(DiagnosticDescriptors.UnsupportedParameterType, parameter, parameter.Name, display, parameter.Type.ToDisplayString());
            }
            else if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                Report(DiagnosticDescriptors.CancellationTokenParameter, parameter, parameter.Name, display);
            }

            parameters.Add(new ParameterModel(SymbolNames.EscapeIdentifier(parameter.Name), SymbolNames.FullyQualified(parameter.Type), parameter.Type.IsValueType));
        }

        var timeout = WellKnownTypes.FirstStringArgument(WellKnownTypes.FindAttribute(method, WellKnownTypes.GrainsNamespace, "ResponseTimeoutAttribute"));
        if (timeout is not null && !IsPositiveTimeSpan(timeout))
        {
            Report(DiagnosticDescriptors.InvalidResponseTimeout, method, timeout, display);
        }

        if (!valid || returnKind is null)
        {
            return null;
        }

        var alias = WellKnownTypes.FirstStringArgument(WellKnownTypes.FindAttribute(method, WellKnownTypes.GrainsNamespace, "AliasAttribute"));
        return new GrainMethodModel(
            declaringInterface,
            SymbolNames.EscapeIdentifier(method.Name),
            alias ?? method.Name,
            returnKind.Value,
            SymbolNames.FullyQualified(method.ReturnType),
            resultType,
            ReadFlags(method),
            timeout,
            parameters.ToEquatableArray());
    }

    private static ReturnKind? ClassifyReturn(IMethodSymbol method, out string? resultType)
    {
        resultType = null;
        if (method.ReturnsByRef || method.ReturnsByRefReadonly || method.ReturnType is not INamedTypeSymbol returned)
        {
            return null;
        }

        if (WellKnownTypes.Is(returned, TasksNamespace, "Task"))
        {
            return ReturnKind.Task;
        }

        if (WellKnownTypes.Is(returned, TasksNamespace, "ValueTask"))
        {
            return ReturnKind.ValueTask;
        }

        var isTaskOfT = WellKnownTypes.Is(returned, TasksNamespace, "Task`1");
        if (isTaskOfT || WellKnownTypes.Is(returned, TasksNamespace, "ValueTask`1"))
        {
            resultType = SymbolNames.FullyQualified(returned.TypeArguments[0]);
            return isTaskOfT ? ReturnKind.TaskOfT : ReturnKind.ValueTaskOfT;
        }

        return null;
    }

    private static int ReadFlags(IMethodSymbol method)
    {
        var flags = 0;
        if (WellKnownTypes.FindAttribute(method, WellKnownTypes.GrainsNamespace, "ReadOnlyAttribute") is not null)
        {
            flags |= GrainMethodFlagValues.ReadOnly;
        }

        if (WellKnownTypes.FindAttribute(method, WellKnownTypes.GrainsNamespace, "AlwaysInterleaveAttribute") is not null)
        {
            flags |= GrainMethodFlagValues.AlwaysInterleave;
        }

        return flags;
    }

    // Request fields hold the arguments and serialization takes them as type arguments: neither works for these.
    private static bool CanBeStored(ITypeSymbol type) =>
        type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer) && !type.IsRefLikeType;

    // Parsed the way the runtime's ResponseTimeoutAttribute parses it.
    private static bool IsPositiveTimeSpan(string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero;

    private static string DescribeRefKind(RefKind kind) => kind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref readonly",
    };
}
