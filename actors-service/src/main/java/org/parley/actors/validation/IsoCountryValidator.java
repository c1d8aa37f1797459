package org.parley.actors.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Locale;
import java.util.Set;

public class IsoCountryValidator implements ConstraintValidator<IsoCountry, String> {

    /** The JDK's own ISO 3166-1 table: no list of ours to keep up to date. */
    private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public static boolean isIsoCountry(String code) {
        return CODES.contains(code);
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || CODES.contains(value);
    }
}
