package org.parley.actors.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** An ISO 3166-1 alpha-3 country code ("RUS", "UKR"); null is valid (international bodies). */
@Documented
@Constraint(validatedBy = IsoCountryValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface IsoCountry {
    String message() default "must be an ISO 3166-1 alpha-3 country code in upper case, e.g. RUS or UKR";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
