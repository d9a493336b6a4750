package dev.omnichannel.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project: abstract value types named plainly ({@code Order}),
 * generated implementations named {@code Immutable*}, Guava immutable collections inside, and no
 * nulls. Annotate an abstract value type with it beside {@code @Value.Immutable}.
 *
 * @since 0.1.0
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    builderVisibility = Value.Style.BuilderVisibility.PUBLIC,
    jdkOnly = false,
    depluralize = true,
    depluralizeDictionary = {"address:addresses"},
    defaults = @Value.Immutable(copy = true),
    validationMethod = Value.Style.ValidationMethod.SIMPLE)
public @interface OmnichannelStyle {}
