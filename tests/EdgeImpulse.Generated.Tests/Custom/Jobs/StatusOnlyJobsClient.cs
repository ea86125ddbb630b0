using System;
using System.Reflection;
using System.Reflection.Emit;
using System.Threading.Tasks;

namespace EdgeImpulse.Generated.Tests.Custom.Jobs;

/// <summary>
/// An <see cref="IJobsClient"/> as a hand-written one would be: getJobStatus is answered by a delegate, the interface's
/// own default members (AttachToJob, the Start* helpers) run as they are, and every other operation of the (large)
/// interface throws <see cref="NotSupportedException"/>, so a test that calls one it did not expect fails.
/// </summary>
public class StatusOnlyJobsClient : DispatchProxy
{
    private Func<Task<GetJobResponse>>? _status;
    private string _refusal = "";

    /// <summary>A jobs client answering getJobStatus with <paramref name="status"/> (which may throw, as a transport would).</summary>
    internal static IJobsClient Create(Func<Task<GetJobResponse>> status, string refusal)
    {
        var client = Create<IJobsClient, StatusOnlyJobsClient>();
        var proxy = (StatusOnlyJobsClient)(object)client;
        proxy._status = status;
        proxy._refusal = refusal;
        return client;
    }

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod switch
    {
        { Name: nameof(IJobsClient.GetJobStatusAsync) } => _status!(),
        { IsAbstract: false } => CallDefaultImplementation(targetMethod, this, args ?? []),
        _ => throw new NotSupportedException($"{targetMethod?.Name}: {_refusal}"),
    };

    // A default interface member, called non-virtually (a virtual call would come back here).
    private static object? CallDefaultImplementation(MethodInfo method, object target, object?[] args)
    {
        var call = new DynamicMethod("CallDefault", typeof(object), [typeof(object), typeof(object[])], typeof(StatusOnlyJobsClient).Module, skipVisibility: true);
        var il = call.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Castclass, method.DeclaringType!);
        var parameters = method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Ldelem_Ref);
            il.Emit(parameters[i].ParameterType.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, parameters[i].ParameterType);
        }

        il.Emit(OpCodes.Call, method);
        if (method.ReturnType == typeof(void))
        {
            il.Emit(OpCodes.Ldnull);
        }
        else if (method.ReturnType.IsValueType)
        {
            il.Emit(OpCodes.Box, method.ReturnType);
        }

        il.Emit(OpCodes.Ret);
        return ((Func<object, object?[], object?>)call.CreateDelegate(typeof(Func<object, object?[], object?>)))(target, args);
    }
}
