from django.core.exceptions import ValidationError


def form_add_service_errors(form, exc: ValidationError) -> None:
    """Attach a service's ValidationError to the form: on its field, or at the top if the form lacks it."""
    for field, errors in exc.error_dict.items() if hasattr(exc, "error_dict") else [(None, exc.error_list)]:
        form.add_error(field if field in form.fields else None, errors)
