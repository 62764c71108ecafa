package org.carbonsink.support.web;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import tools.jackson.core.Version;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Records read from JSON are built through a method handle made once per record type. Jackson calls a record's
 * constructor with {@code MethodHandle.invokeWithArguments}, which adapts the handle to the argument array anew on
 * every call: a batch of orders paid that, and the method types and handles it allocates, once per order
 * (docs/benchmarks.md, session 9). Only the call changes: the same constructor gets the same arguments, and what
 * it throws is reported as Jackson reports it.
 */
public final class RecordCreators extends JacksonModule {

    @Override
    public String getModuleName() {
        return "carbonsink-record-creators";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addValueInstantiators(new ValueInstantiators.Base() {
            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                    BeanDescription.Supplier description, ValueInstantiator instantiator) {
                return bound(instantiator);
            }
        });
    }

    /** Jackson's own instantiator of a record's canonical constructor, with its call bound once; any other as it is. */
    static ValueInstantiator bound(ValueInstantiator instantiator) {
        if (instantiator.getClass() != StdValueInstantiator.class) {
            return instantiator;
        }
        StdValueInstantiator standard = (StdValueInstantiator) instantiator;
        if (!(standard.getWithArgsCreator() instanceof AnnotatedConstructor creator)
                || !creator.getDeclaringClass().isRecord()) {
            return instantiator;
        }
        MethodHandle constructor;
        try {
            constructor = MethodHandles.lookup().unreflectConstructor(creator.getAnnotated());
        } catch (IllegalAccessException e) {
            // a record this module may not call: Jackson calls it as before
            return instantiator;
        }
        return new Bound(standard, constructor.asSpreader(Object[].class, creator.getParameterCount())
                .asType(MethodType.methodType(Object.class, Object[].class)));
    }

    /** Jackson's instantiator of one record type, calling its constructor through {@code creator}. */
    static final class Bound extends StdValueInstantiator {

        private final MethodHandle creator;

        Bound(StdValueInstantiator source, MethodHandle creator) {
            super(source);
            this.creator = creator;
        }

        @Override
        public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) {
            try {
                return creator.invokeExact(args);
            } catch (Exception e) {
                // as StdValueInstantiator reports a constructor's failure
                return ctxt.handleInstantiationProblem(_valueClass, args, rewrapCtorProblem(ctxt, e));
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
