from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    lms_base_url: str = "https://app.360learning.com/api/v1"
    lms_company: str
    lms_api_key: SecretStr
    workday_base_url: str = "https://hr.workday.example/api/v1"


@lru_cache
def get_settings() -> Settings:
    return Settings()
