using System.Collections.Generic;
using Grains.CodeGen.Model;

namespace Grains.CodeGen.Emit;

/// <summary>
/// Request classes for methods of an interface this compilation does not generate on its own (declared in another
/// assembly, or not a grain interface itself), generated once however many grain interfaces inherit them.
/// </summary>
internal sealed record InheritedRequestsPlan(InterfaceIdentity Interface, string HintName, IReadOnlyList<RequestPlan> Requests);
