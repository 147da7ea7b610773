package com.example.forks;

@OtherStack
class OtherOneIT extends UsesTheBox {
}
