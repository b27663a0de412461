from tests.factories import AgreementFactory


def test_agreement_factory_builds_a_valid_agreement(db):
    agreement = AgreementFactory()
    agreement.full_clean()
    assert agreement.host.is_host
